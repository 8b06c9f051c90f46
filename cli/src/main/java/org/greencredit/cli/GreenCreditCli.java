package org.greencredit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code greencredit} command line. {@code serve} is started by the launcher script from the service jar. */
@Command(name = "greencredit", mixinStandardHelpOptions = true, versionProvider = EngineVersionProvider.class,
        description = "Explainable green rating and loan decisions for SMEs and farmers.",
        footer = {"", "./greencredit serve [--spring.option=value ...] starts the REST API and pages (port $SERVER_PORT, default 8080)."},
        subcommands = {GenerateCommand.class, RateCommand.class, CarbonCommand.class, RulesCommand.class, ModelCommand.class, CropCommand.class, BenchCommand.class,
            LoadTestCommand.class, InvoicesCommand.class})
public final class GreenCreditCli {
    /** Exit code when some rows were rejected; the rejects file says which and why. */
    public static final int EXIT_SOME_REJECTED = 2;
    /** Exit code when the input could not be read at all. */
    public static final int EXIT_UNREADABLE = 3;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new GreenCreditCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("greencredit: " + e.getMessage());
            return EXIT_UNREADABLE;
        });
        return cli;
    }
}
