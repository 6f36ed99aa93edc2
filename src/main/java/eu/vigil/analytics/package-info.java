/**
 * Portfolio analytics for credit managers: the tenant's receivables exposure by traffic light, bureau risk class and
 * age bucket, the risk class by overdue bucket matrix, the biggest exposures at risk and a year's trend, each figure
 * leading to the customers behind it, and their XLSX export.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Analytics",
        allowedDependencies = {"tenancy", "company", "watchlist", "receivables"})
package eu.vigil.analytics;
