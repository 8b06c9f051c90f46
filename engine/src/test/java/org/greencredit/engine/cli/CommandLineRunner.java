package org.greencredit.engine.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
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
}
