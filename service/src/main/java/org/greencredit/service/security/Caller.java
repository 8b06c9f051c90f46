package org.greencredit.service.security;

import java.util.List;
import java.util.Optional;
import org.greencredit.core.request.BehaviourBasis;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.validation.FieldError;
import org.greencredit.core.validation.InvalidRequestException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The authenticated caller as the services see it: a name for the audit log, a role, and for an
 * SME the firm it may act for.
 */
public record Caller(String name, Role role, String smeId) {

    public static Caller of(Authentication authentication) {
        if (authentication.getPrincipal() instanceof AccountDetails account) {
            return new Caller(account.getUsername(), account.role(), account.smeId());
        }
        Role role = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> Role.valueOf(a.substring(5))).findFirst()
                .orElseThrow(() -> new IllegalStateException("caller " + authentication.getName() + " has no role"));
        return new Caller(authentication.getName(), role, null);
    }

    /** The only SME this caller may see, or empty when it may see every SME. */
    public Optional<String> restrictedToSme() {
        return role == Role.SME ? Optional.of(smeId) : Optional.empty();
    }

    /** Whether the caller is a rated firm itself, which sees its own ratings without the bank's model-review figures. */
    public boolean isRatedFirm() {
        return role == Role.SME;
    }

    public boolean maySee(String ratingSmeId) {
        return role != Role.SME || smeId.equals(ratingSmeId);
    }

    /**
     * Refuses a request whose behaviours an SME marked EVIDENCED: a firm declares its own behaviours, and only the bank (a
     * pipeline from its payment or receipt data, an officer who checked the certificates) may say records show them.
     */
    public void requireMayEvidence(RatingRequest request) {
        if (role == Role.SME && request != null && request.greenBehaviours() != null
                && request.greenBehaviours().basis() == BehaviourBasis.EVIDENCED) {
            throw new InvalidRequestException(List.of(new FieldError("greenBehaviours.basis",
                    "an SME account declares its own behaviours; only the bank's pipeline or an officer marks them EVIDENCED")));
        }
    }
}
