/**
 * What every module may use without depending on another one for it: the languages Vigil speaks and the exceptions a
 * person can act on. A shared module (see {@code VigilApplication}): it depends on no module.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared",
        allowedDependencies = {})
package eu.vigil.shared;
