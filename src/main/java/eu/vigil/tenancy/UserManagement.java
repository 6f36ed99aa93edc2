package eu.vigil.tenancy;

import eu.vigil.notification.Mailer;
import eu.vigil.notification.NotificationProperties;
import eu.vigil.notification.OutgoingMail;
import eu.vigil.shared.Language;
import eu.vigil.shared.NotFoundException;
import eu.vigil.tenancy.internal.AccountToken;
import eu.vigil.tenancy.internal.AccountToken.Purpose;
import eu.vigil.tenancy.internal.AccountTokenRepository;
import eu.vigil.tenancy.internal.AppUser;
import eu.vigil.tenancy.internal.AppUserRepository;
import eu.vigil.tenancy.internal.EmailRegistry;
import eu.vigil.tenancy.internal.Secrets;
import eu.vigil.tenancy.internal.Tenant;
import eu.vigil.tenancy.internal.TenantRepository;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The people of a tenant: invitations, roles, deactivation, passwords and profiles. */
@Service
public class UserManagement {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 128;

    private final AppUserRepository users;
    private final TenantRepository tenants;
    private final AccountTokenRepository tokens;
    private final PasswordEncoder passwords;
    private final Mailer mailer;
    private final NotificationProperties links;
    private final TenancyProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final EmailRegistry emailRegistry;
    private final LoginThrottle throttle;
    private final ExecutorService resetMails = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("password-reset-", 0).factory());

    UserManagement(
            AppUserRepository users,
            TenantRepository tenants,
            AccountTokenRepository tokens,
            PasswordEncoder passwords,
            Mailer mailer,
            NotificationProperties links,
            TenancyProperties properties,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            EmailRegistry emailRegistry,
            LoginThrottle throttle) {
        this.throttle = throttle;
        this.emailRegistry = emailRegistry;
        this.users = users;
        this.tenants = tenants;
        this.tokens = tokens;
        this.passwords = passwords;
        this.mailer = mailer;
        this.links = links;
        this.properties = properties;
        this.events = events;
        this.tx = new TransactionTemplate(transactionManager);
    }

    @Transactional(readOnly = true)
    public List<UserView> users() {
        return users.findAllByOrderByEmailAsc().stream()
                .map(UserManagement::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public UserView user(UUID id) {
        return users.findById(id).map(UserManagement::view).orElseThrow(() -> new NotFoundException("User"));
    }

    /** Invites someone into the bound tenant. */
    @Transactional
    public UserView invite(String email, Role role, Language language) {
        UUID tenantId = TenantContext.require();
        if (!Role.TENANT_ROLES.contains(role)) {
            throw new TenancyException("users.error.role");
        }
        return view(inviteInto(tenantId, email, role, language));
    }

    AppUser inviteInto(UUID tenantId, String rawEmail, Role role, Language language) {
        String email = normaliseEmail(rawEmail);
        if (emailRegistry.isTaken(email)) {
            throw new TenancyException("users.error.emailTaken");
        }
        Tenant tenant = tenants.findById(tenantId).orElseThrow(() -> new NotFoundException("Tenant"));
        AppUser user = users.save(new AppUser(tenantId, email, role, language, tenant.getTimeZone()));
        sendInvitation(user, tenant);
        events.publishEvent(new AccountActivity.UserInvited(tenantId, Actors.current(), email, role));
        return user;
    }

    @Transactional
    public void resendInvitation(UUID userId) {
        AppUser user = users.findById(userId).orElseThrow(() -> new NotFoundException("User"));
        if (user.getStatus() != AppUser.Status.INVITED) {
            throw new TenancyException("users.error.notInvited");
        }
        tokens.findAllByUserIdAndPurposeAndUsedAtIsNull(userId, Purpose.INVITATION)
                .forEach(AccountToken::use);
        sendInvitation(user, tenants.findById(user.getTenantId()).orElseThrow());
        events.publishEvent(
                new AccountActivity.UserInvited(user.getTenantId(), Actors.current(), user.getEmail(), user.getRole()));
    }

    private void sendInvitation(AppUser user, Tenant tenant) {
        String token = Secrets.newToken();
        tokens.save(new AccountToken(
                user.getTenantId(),
                user.getId(),
                Purpose.INVITATION,
                Secrets.sha256(token),
                properties.invitationValidity()));
        Locale locale = user.getLanguage().locale();
        mailer.sendAfterCommit(new OutgoingMail(
                user.getEmail(),
                locale,
                "invitation",
                "mail.invitation.subject",
                new Object[] {tenant.getName()},
                Map.of(
                        "link",
                        links.link("/invitation/" + token),
                        "tenantName",
                        tenant.getName(),
                        "inviter",
                        Actors.displayName(),
                        "validDays",
                        Math.max(1, properties.invitationValidity().toDays()))));
    }

    @Transactional
    public void changeRole(UUID userId, Role role) {
        if (!Role.TENANT_ROLES.contains(role)) {
            throw new TenancyException("users.error.role");
        }
        AppUser user = users.findById(userId).orElseThrow(() -> new NotFoundException("User"));
        Role previous = user.getRole();
        if (previous == role) {
            return;
        }
        if (previous == Role.TENANT_ADMIN && isLastActiveAdmin(user)) {
            throw new TenancyException("users.error.lastAdmin");
        }
        user.changeRole(role);
        events.publishEvent(new AccountActivity.UserRoleChanged(
                user.getTenantId(), Actors.current(), user.getEmail(), previous, role));
    }

    @Transactional
    public void deactivate(UUID userId, UUID actingUserId) {
        AppUser user = users.findById(userId).orElseThrow(() -> new NotFoundException("User"));
        if (user.getId().equals(actingUserId)) {
            throw new TenancyException("users.error.self");
        }
        if (user.getRole() == Role.TENANT_ADMIN && isLastActiveAdmin(user)) {
            throw new TenancyException("users.error.lastAdmin");
        }
        user.deactivate();
        events.publishEvent(new AccountActivity.UserDeactivated(user.getTenantId(), Actors.current(), user.getEmail()));
    }

    @Transactional
    public void reactivate(UUID userId) {
        AppUser user = users.findById(userId).orElseThrow(() -> new NotFoundException("User"));
        user.reactivate();
        events.publishEvent(new AccountActivity.UserReactivated(user.getTenantId(), Actors.current(), user.getEmail()));
    }

    private boolean isLastActiveAdmin(AppUser user) {
        return user.getStatus() == AppUser.Status.ACTIVE
                && users.countByRoleAndStatus(Role.TENANT_ADMIN, AppUser.Status.ACTIVE) <= 1;
    }

    /** Whom a one-time link is for, if it can still be used. Works without anyone signed in. */
    public Optional<String> emailForLink(String token, boolean invitation) {
        Purpose purpose = invitation ? Purpose.INVITATION : Purpose.PASSWORD_RESET;
        return TenantContext.callAsPlatform(() -> tx.execute(status -> usableToken(token, purpose)
                .flatMap(t -> users.findById(t.getUserId()))
                .map(AppUser::getEmail)));
    }

    /** Sets the invited person's password; the link then stops working. */
    public void acceptInvitation(String token, String password, String displayName) {
        checkPassword(password);
        TenantContext.runAsPlatform(() -> tx.executeWithoutResult(status -> {
            AccountToken link =
                    usableToken(token, Purpose.INVITATION).orElseThrow(() -> new TenancyException("link.invalid"));
            AppUser user = users.findById(link.getUserId()).orElseThrow(() -> new TenancyException("link.invalid"));
            if (user.getStatus() != AppUser.Status.INVITED) {
                throw new TenancyException("link.invalid");
            }
            link.use();
            user.activate(passwords.encode(password), displayName);
            events.publishEvent(
                    new AccountActivity.InvitationAccepted(user.getTenantId(), user.getEmail(), user.getEmail()));
        }));
    }

    /**
     * Answers a reset request in the same time whatever the address: the request thread only counts it
     * against the limits per address and per client; looking the account up and mailing happen after.
     */
    public void requestPasswordReset(String rawEmail, String clientAddress) {
        String email = rawEmail == null ? "" : rawEmail.trim();
        if (email.length() > 320 || !throttle.allowReset(email, clientAddress)) {
            return;
        }
        resetMails.execute(() -> requestPasswordReset(email));
    }

    @PreDestroy
    void stopResetMails() {
        resetMails.close();
    }

    /** Mails a reset link if an active account has this address; says nothing either way. */
    void requestPasswordReset(String rawEmail) {
        String email = rawEmail == null ? "" : rawEmail.trim();
        TenantContext.runAsPlatform(() -> tx.executeWithoutResult(status -> users.findByEmailIgnoreCase(email)
                .filter(u -> u.getStatus() == AppUser.Status.ACTIVE)
                .ifPresent(user -> {
                    String token = Secrets.newToken();
                    tokens.save(new AccountToken(
                            user.getTenantId(),
                            user.getId(),
                            Purpose.PASSWORD_RESET,
                            Secrets.sha256(token),
                            properties.passwordResetValidity()));
                    mailer.sendAfterCommit(new OutgoingMail(
                            user.getEmail(),
                            user.getLanguage().locale(),
                            "password-reset",
                            "mail.reset.subject",
                            null,
                            Map.of(
                                    "link",
                                    links.link("/password-reset/" + token),
                                    "validMinutes",
                                    properties.passwordResetValidity().toMinutes())));
                    events.publishEvent(new AccountActivity.PasswordResetRequested(
                            user.getTenantId(), user.getEmail(), user.getEmail()));
                })));
    }

    public void resetPassword(String token, String password) {
        checkPassword(password);
        TenantContext.runAsPlatform(() -> tx.executeWithoutResult(status -> {
            AccountToken link =
                    usableToken(token, Purpose.PASSWORD_RESET).orElseThrow(() -> new TenancyException("link.invalid"));
            AppUser user = users.findById(link.getUserId()).orElseThrow(() -> new TenancyException("link.invalid"));
            tokens.findAllByUserIdAndPurposeAndUsedAtIsNull(user.getId(), Purpose.PASSWORD_RESET)
                    .forEach(AccountToken::use);
            user.changePassword(passwords.encode(password));
            events.publishEvent(
                    new AccountActivity.PasswordChanged(user.getTenantId(), user.getEmail(), user.getEmail()));
        }));
    }

    private Optional<AccountToken> usableToken(String token, Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(Secrets.sha256(token))
                .filter(t -> t.getPurpose() == purpose && t.isUsable(Instant.now()));
    }

    @Transactional
    public void changePassword(UUID userId, String currentPassword, String newPassword) {
        AppUser user = users.findById(userId).orElseThrow(() -> new NotFoundException("User"));
        if (currentPassword == null || !passwords.matches(currentPassword, user.getPasswordHash())) {
            throw new TenancyException("profile.error.currentPassword");
        }
        checkPassword(newPassword);
        user.changePassword(passwords.encode(newPassword));
        events.publishEvent(new AccountActivity.PasswordChanged(user.getTenantId(), Actors.current(), user.getEmail()));
    }

    @Transactional
    public void updateProfile(UUID userId, String displayName, Language language, String timeZone) {
        AppUser user = users.findById(userId).orElseThrow(() -> new NotFoundException("User"));
        if (timeZone == null || !ZoneId.getAvailableZoneIds().contains(timeZone)) {
            throw new TenancyException("profile.error.timeZone");
        }
        if (displayName != null && displayName.length() > 200) {
            throw new TenancyException("profile.error.name");
        }
        user.updateProfile(displayName, language, timeZone);
        events.publishEvent(new AccountActivity.ProfileUpdated(user.getTenantId(), Actors.current(), user.getEmail()));
    }

    @Transactional
    public void changeLanguage(UUID userId, Language language) {
        users.findById(userId).ifPresent(user -> user.changeLanguage(language));
    }

    /** The signed-in person as they are now, or empty if they may no longer sign in. */
    public Optional<VigilUser> currentState(UUID userId) {
        return TenantContext.callAsPlatform(() -> users.findById(userId)
                .filter(u -> u.getStatus() == AppUser.Status.ACTIVE)
                .map(u -> toPrincipal(u, null)));
    }

    void recordSignIn(UUID userId) {
        TenantContext.runAsPlatform(() ->
                tx.executeWithoutResult(status -> users.findById(userId).ifPresent(user -> {
                    user.signedIn();
                    events.publishEvent(
                            new AccountActivity.UserSignedIn(user.getTenantId(), user.getEmail(), user.getEmail()));
                })));
    }

    void recordFailedSignIn(String email, boolean locked) {
        TenantContext.runAsPlatform(() ->
                tx.executeWithoutResult(status -> users.findByEmailIgnoreCase(email == null ? "" : email.trim())
                        .ifPresent(user -> events.publishEvent(new AccountActivity.SignInFailed(
                                user.getTenantId(), user.getEmail(), user.getEmail(), locked)))));
    }

    AppUser createActive(
            UUID tenantId, String email, String displayName, Role role, Language language, String password) {
        checkPassword(password);
        Tenant tenant = tenants.findById(tenantId).orElseThrow(() -> new NotFoundException("Tenant"));
        String address = normaliseEmail(email);
        if (emailRegistry.isTaken(address)) {
            throw new TenancyException("users.error.emailTaken");
        }
        AppUser user = new AppUser(tenantId, address, role, language, tenant.getTimeZone());
        user.activate(passwords.encode(password), displayName);
        return users.save(user);
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new TenancyException("password.error.length", MIN_PASSWORD, MAX_PASSWORD);
        }
    }

    static String normaliseEmail(String raw) {
        String email = raw == null ? "" : raw.trim();
        if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            throw new TenancyException("users.error.email");
        }
        return email.toLowerCase(Locale.ROOT);
    }

    static VigilUser toPrincipal(AppUser user, String passwordHash) {
        return new VigilUser(
                user.getId(),
                user.getTenantId(),
                user.getEmail(),
                user.getDisplayName(),
                user.getRole(),
                user.getLanguage(),
                user.getTimeZone(),
                passwordHash,
                user.getSessionEpoch());
    }

    static UserView view(AppUser user) {
        return new UserView(
                user.getId(),
                user.getEmail(),
                user.getDisplayName(),
                user.getRole(),
                user.getStatus().name(),
                user.getLanguage(),
                user.getTimeZone(),
                user.getCreatedAt(),
                user.getLastLoginAt());
    }
}
