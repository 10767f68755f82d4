package io.retro.security;

import io.retro.api.shared.Requester;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in principal: Spring's user, plus the account id that commands and events use. */
public class RetroUser extends User {

    private final String id;
    private final String displayName;
    private final boolean admin;

    public RetroUser(UserAccount account) {
        super(account.username(), account.passwordHash(), authorities(account.admin()));
        this.id = account.id();
        this.displayName = account.displayName();
        this.admin = account.admin();
    }

    private static List<GrantedAuthority> authorities(boolean admin) {
        return admin
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public boolean admin() {
        return admin;
    }

    public Requester requester() {
        return new Requester(id, admin);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetroUser user && user.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
