package eu.vigil.signal;

/** A signal that fired for one company, with the values it fired on as a person reads them. */
public record DetectedSignal(Signal signal, String oldValue, String newValue) {
}
