package org.greencredit.service.security;

/** Who may do what: an SME sees and contests only its own ratings; officers review; pipelines rate; admins administer. */
public enum Role {
    SME, OFFICER, PIPELINE, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
