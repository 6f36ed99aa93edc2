/**
 * A tenant's own receivables: the open items and payments its ERP exports (API or upload), each customer's figures
 * recomputed after every load, and the receivables signals they fire for that tenant alone.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Receivables",
        allowedDependencies = {"tenancy", "company", "signal", "watchlist"})
package eu.vigil.receivables;
