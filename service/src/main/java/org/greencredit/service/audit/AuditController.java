package org.greencredit.service.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.greencredit.core.validation.FieldError;
import org.greencredit.core.validation.InvalidRequestException;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "The hash-chained audit log (officers and administrators)")
public class AuditController {
    private final AuditLog log;

    public AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/verify")
    @Operation(summary = "Recompute every keyed hash of the chain and recheck every rating against its entry",
            description = "intact, or the first entry that does not fit and why. With a checkpoint (seq, hash, signature and"
                    + " optionally keyId from /checkpoint, kept elsewhere), also that the log still holds that entry with that hash;"
                    + " checkpoints signed before a key rotation verify with the previous key.")
    public AuditLog.Verification verify(@RequestParam(required = false) @Min(0) Long seq,
                                        @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{64}") String hash,
                                        @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{64}") String signature,
                                        @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{16}") String keyId) {
        if (seq == null && hash == null && signature == null && keyId == null) {
            return log.verify();
        }
        if (seq == null || hash == null || signature == null) {
            throw new InvalidRequestException(List.of(new FieldError(seq == null ? "seq" : hash == null ? "hash" : "signature",
                    "a checkpoint needs seq, hash and signature together")));
        }
        return log.verify(new AuditLog.Checkpoint(seq, hash, keyId, signature));
    }

    @GetMapping("/checkpoint")
    @Operation(summary = "The head of the chain, signed with the audit key: keep it outside the service to detect a cut tail later")
    public AuditLog.Checkpoint checkpoint() {
        return log.checkpoint();
    }

    @GetMapping
    @Operation(summary = "Entries after a sequence number, oldest first")
    public List<AuditEntry> entries(@RequestParam(defaultValue = "0") @Min(0) long after,
                                    @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return log.entries(after, limit);
    }
}
