package eu.vigil.tenancy.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI vigilOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Vigil API")
                        .version("v1")
                        .description(
                                "Send an API key as 'Authorization: Bearer <key>'. Tenant keys are created by tenant "
                                        + "admins in the portal; platform keys by platform admins."))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("API key")));
    }
}
