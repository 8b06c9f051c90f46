package org.greencredit.service.audit;

import java.util.Locale;

/** Whether a JDBC URL names an H2 database in a file that this process opens itself (not in memory, not a server). */
final class EmbeddedH2 {
    private EmbeddedH2() {
    }

    static boolean isFile(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:") && !lower.startsWith("jdbc:h2:tcp:")
                && !lower.startsWith("jdbc:h2:ssl:");
    }
}
