package org.greencredit.service.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.greencredit.service.GreenCreditApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Whole services started one after another on one H2 file, as an operator restarts them. */
public final class ServiceOnH2File {
    private ServiceOnH2File() {
    }

    public static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    /**
     * Starts the service on {@code dir}'s database without demo data; each setting is {@code name=value}, and a
     * {@code spring.datasource.*} setting points it at another database.
     */
    public static ConfigurableApplicationContext start(Path dir, String... settings) {
        // As command-line arguments, which win over application.yml (default properties would not); one per name.
        Map<String, String> values = new LinkedHashMap<>(Map.of("server.port", "0", "greencredit.demo.enabled", "false",
                "spring.datasource.url", url(dir), "greencredit.audit.key", "", "greencredit.audit.key-file", dir.resolve("unused.key").toString()));
        for (String setting : settings) {
            values.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
        }
        List<String> arguments = new ArrayList<>();
        values.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(GreenCreditApplication.class).run(arguments.toArray(String[]::new));
    }
}
