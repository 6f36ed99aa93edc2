package eu.vigil.signal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an invalid catalogue into the list of entries to fix instead of a stack trace (registered in spring.factories). */
class InvalidCatalogueFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCatalogueException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidCatalogueException cause) {
        return new FailureAnalysis(
                "Vigil cannot start: the signal catalogue " + cause.source() + " is invalid:"
                        + InvalidCatalogueException.asLines(cause.problems()),
                "Fix these entries in " + cause.source() + " and start again.",
                cause);
    }
}
