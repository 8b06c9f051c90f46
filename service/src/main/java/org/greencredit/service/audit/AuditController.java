package org.greencredit.service.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
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
    @Operation(summary = "Recompute every hash of the chain", description = "intact, or the first entry that does not fit and why")
    public AuditLog.Verification verify() {
        return log.verify();
    }

    @GetMapping
    @Operation(summary = "Entries after a sequence number, oldest first")
    public List<AuditEntry> entries(@RequestParam(defaultValue = "0") @Min(0) long after,
                                    @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return log.entries(after, limit);
    }
}
