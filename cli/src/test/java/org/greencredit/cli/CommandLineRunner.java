package org.greencredit.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the CLI in-process, as the launcher would, with its error output swallowed. */
final class CommandLineRunner {
    private CommandLineRunner() {
    }

    static int run(String... args) {
        CommandLine cli = GreenCreditCli.commandLine();
        cli.setErr(new PrintWriter(new StringWriter()));
        return cli.execute(args);
    }

    /** What a successful command prints on standard output; the tests run one at a time, so swapping System.out is safe. */
    static String output(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            int code = run(args);
            if (code != 0) {
                throw new AssertionError("exit code " + code + " from " + String.join(" ", args));
            }
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
