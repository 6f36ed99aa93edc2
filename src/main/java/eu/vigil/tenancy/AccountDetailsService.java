package eu.vigil.tenancy;

import eu.vigil.tenancy.internal.AppUser;
import eu.vigil.tenancy.internal.AppUserRepository;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Finds the account behind an email address, whichever tenant it belongs to. */
@Component
class AccountDetailsService implements UserDetailsService {

    private final AppUserRepository users;

    AccountDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        AppUser user = TenantContext.callAsPlatform(
                        () -> users.findByEmailIgnoreCase(email == null ? "" : email.trim()))
                .orElseThrow(() -> new UsernameNotFoundException("No account"));
        if (user.getStatus() != AppUser.Status.ACTIVE || user.getPasswordHash() == null) {
            // as if there were no account: the provider then checks the password against a dummy hash, so the timing is
            // the same
            throw new UsernameNotFoundException("No account");
        }
        return UserManagement.toPrincipal(user, user.getPasswordHash());
    }
}
