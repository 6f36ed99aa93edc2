/** Companies as Vigil knows them; for now, turning what people and feeds write into a company's identity. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Company",
        allowedDependencies = {})
package eu.vigil.company;
