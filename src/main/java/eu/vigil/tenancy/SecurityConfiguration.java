package eu.vigil.tenancy;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Only our own assets; the captured-mail viewer frames our own pages. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "frame-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(
                "argon2",
                Map.of(
                        "argon2",
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
    }

    /** To the sign-in page by a relative Location, never one built from the caller's Host or X-Forwarded-Host. */
    private static LoginUrlAuthenticationEntryPoint relativeLoginPage() {
        var entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http, ApiKeyManagement apiKeys, UserManagement users, ProblemResponses problems)
            throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, problems), AuthorizationFilter.class)
                .addFilterBefore(
                        new TenantContextFilter(users, new HttpSessionSecurityContextRepository()),
                        AuthorizationFilter.class)
                .authorizeHttpRequests(
                        auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                                .permitAll()
                                .requestMatchers("/actuator/**")
                                .hasAuthority(ApiKeyScope.PLATFORM.authority())
                                .requestMatchers("/api/v1/admin/**")
                                .hasAuthority(ApiKeyScope.PLATFORM.authority())
                                .requestMatchers("/api/v1/companies/**")
                                .hasAnyAuthority(ApiKeyScope.PLATFORM.authority(), ApiKeyScope.TENANT.authority())
                                .anyRequest()
                                .hasAuthority(ApiKeyScope.TENANT.authority()))
                .exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, e) ->
                                problems.unauthorized(response, "Send an API key as 'Authorization: Bearer <key>'."))
                        .accessDeniedHandler((request, response, e) ->
                                problems.forbidden(response, "This API key may not call this endpoint.")))
                .headers(headers -> headers.contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain portalChain(HttpSecurity http, UserManagement users, SignInHandlers signIn) throws Exception {
        var contextRepository = new HttpSessionSecurityContextRepository();
        http.securityContext(context -> context.securityContextRepository(contextRepository))
                // RFC 8058 one-click unsubscribe: a mail client POSTs without session or token; the link's secret is
                // the token
                .csrf(csrf -> csrf.ignoringRequestMatchers("/alerts/unsubscribe/*"))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/favicon.svg")
                        .permitAll()
                        .requestMatchers(
                                "/login",
                                "/password-reset",
                                "/password-reset/**",
                                "/invitation/**",
                                "/error",
                                "/error/**")
                        .permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/alerts/unsubscribe/*")
                        .permitAll()
                        .requestMatchers("/platform/**")
                        .hasRole(Role.PLATFORM_ADMIN.name())
                        .requestMatchers("/alerts/rules/**", "/alerts/dead-letters/**")
                        .hasRole(Role.TENANT_ADMIN.name())
                        .requestMatchers("/alerts/**", "/companies/*/*/alerts")
                        .hasAnyRole(Role.TENANT_ROLES.stream().map(Role::name).toArray(String[]::new))
                        .requestMatchers("/users/**", "/audit/**", "/settings", "/settings/**")
                        .hasRole(Role.TENANT_ADMIN.name())
                        .requestMatchers("/api-keys/**")
                        .hasAnyRole(Role.TENANT_ADMIN.name(), Role.PLATFORM_ADMIN.name())
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter(SignInHandlers.EMAIL_PARAMETER)
                        .successHandler(signIn.success())
                        .failureHandler(signIn.failure())
                        .permitAll())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(relativeLoginPage()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .addFilterBefore(signIn.lockCheck(), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new TenantContextFilter(users, contextRepository), AuthorizationFilter.class)
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
