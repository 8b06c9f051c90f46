package org.greencredit.service.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every operating setting of the service ({@code greencredit.*} in application.yml, each documented
 * there), bound once at start-up and validated: a missing or out-of-range value stops the service
 * with the property's name and what is wrong. Bank policy is in the rule tables and figures in the
 * reference data, not here; the override limits are the bank's staffing policy for its officers.
 */
@Validated
@ConfigurationProperties(prefix = "greencredit")
public record ServiceSettings(@Valid @NotNull Api api, @Valid @NotNull Session session, @Valid @NotNull Passwords passwords,
                              @Valid @NotNull RateLimit rateLimit, @Valid @NotNull Override override, @Valid @NotNull Admin admin,
                              @Valid @NotNull Demo demo, @Valid @NotNull Rules rules, @Valid @NotNull Models models,
                              @Valid @NotNull Batch batch, @Valid @NotNull Audit audit, @Valid @NotNull Filing filing) {

    /**
     * @param maxBodyBytes             largest request body of the JSON endpoints (the batch endpoint streams)
     * @param minBodyBytesPerSecond    the slowest average pace a request body may arrive at, after the grace period
     * @param minBodyRateGraceSeconds  how long a body may take before its pace is judged
     */
    public record Api(@Min(1024) long maxBodyBytes, @Min(1) @Max(1_000_000) long minBodyBytesPerSecond,
                      @Min(0) @Max(600) long minBodyRateGraceSeconds) {
    }

    /** @param hours how long a web sign-in lasts */
    public record Session(@Min(1) @Max(24 * 30) long hours) {
    }

    /**
     * @param bcryptCost BCrypt's cost (the base-2 logarithm of its rounds) for passwords set from now on; a stored hash
     *                   keeps the cost it was made with. 4 to 31 is BCrypt's own range.
     */
    public record Passwords(@Min(4) @Max(31) int bcryptCost) {
    }

    /**
     * Calls per minute of each SME account, and of each address calling public endpoints unsigned; failed
     * sign-ins (password, session token or API key) an address or an account may make before it is locked
     * for {@code signInLockMinutes}.
     */
    public record RateLimit(@Positive int smePerMinute, @Positive int anonymousPerMinute, @Positive int signInFailuresPerAddress,
                            @Positive int signInFailuresPerAccount, @Min(1) @Max(24 * 60) int signInLockMinutes) {
    }

    /** @param fourEyesAboveCny an override raising the limit above this needs a second officer */
    public record Override(@PositiveOrZero double fourEyesAboveCny, @PositiveOrZero @Max(1000) int maxRateDiscountBp) {
    }

    /** @param password set once, without demo data, to create the first administrator; empty otherwise */
    public record Admin(@NotBlank String username, @NotNull String password) {
    }

    /** @param count synthetic firms rated on the first start besides the README's example */
    public record Demo(boolean enabled, @PositiveOrZero @Max(100_000) int count, long seed, @NotBlank String password,
                       @NotBlank String apiKey) {
    }

    /**
     * @param dir          a rules directory to watch instead of the shipped rules; empty for the shipped ones
     * @param stagingDir   a directory whose subdirectories are rulesets administrators may propose and, with a second
     *                     administrator, activate; empty: no governed changes
     * @param impactSample how many of the latest stored requests a proposal is rated on, to show its impact
     */
    public record Rules(@NotNull String dir, @Positive long reloadSeconds, @NotNull String stagingDir, @Min(1) @Max(100_000) int impactSample) {
    }

    /**
     * @param dir a model registry directory whose active champion, thin-file scorecard and challenger the service rates
     *            with, and where administrators change them; empty for the shipped models, which cannot be changed
     */
    public record Models(@NotNull String dir) {
    }

    /**
     * @param key              the audit chain's HMAC key itself (from a secret store through the environment); empty to use the file
     * @param keyFile          where the key is kept otherwise, created on the first start when missing
     * @param previousKeys     keys used before a rotation, given as text, which only verify the entries they made
     * @param previousKeyFiles files holding such keys
     */
    public record Audit(@NotNull String key, @NotBlank String keyFile, @DefaultValue List<String> previousKeys,
                        @DefaultValue List<String> previousKeyFiles) {
    }

    /**
     * What the public algorithm filing names besides what the engine generates: given by the bank that runs the service.
     *
     * @param number  the filing number the regulator gave (e.g. 网信算备…号); empty until filed
     * @param contact where firms and the public reach the bank about the algorithm; empty until given
     */
    public record Filing(@NotNull String number, @NotNull String contact) {
    }

    /** @param threads threads rating the rows of one batch request */
    public record Batch(@Min(1) @Max(64) int threads) {
    }
}
