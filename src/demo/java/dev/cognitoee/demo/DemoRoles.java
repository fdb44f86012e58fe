package dev.cognitoee.demo;

/** The demo's roles: the names of the user pool's groups. */
public final class DemoRoles {

    public static final String ADMIN = "admin";
    public static final String USER = "user";
    /** Servlet's "any authenticated user", whatever their groups (a new sign-up is in none). */
    public static final String ANY_SIGNED_IN = "**";

    private DemoRoles() {
    }
}
