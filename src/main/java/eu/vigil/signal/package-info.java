/**
 * The signal catalogue: every change Vigil can signal on a company, read from the operator-editable
 * {@code config/signals.yml} and checked at start-up.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Signals", allowedDependencies = "company")
package eu.vigil.signal;
