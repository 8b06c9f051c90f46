package org.greencredit.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.greencredit.rules.engine.RuleCases;
import org.greencredit.rules.engine.RuleEvaluator;
import org.greencredit.rules.engine.Ruleset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rules", mixinStandardHelpOptions = true, subcommands = RulesCommand.Test.class,
        description = "Work with the green and policy rules.")
final class RulesCommand {

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run a CSV of rule cases (see rules/src/main/resources/rules/cases.csv) and print what differs.")
    static final class Test implements Callable<Integer> {
        @Option(names = "--cases", required = true, description = "CSV of cases with expected outcomes.")
        Path cases;

        @Option(names = "--rules-dir", description = "A rules directory to test (ruleset.properties, .drl, .drl.xlsx); default: the shipped rules.")
        Path rulesDir;

        @Override
        public Integer call() throws IOException {
            Ruleset ruleset = rulesDir == null ? Ruleset.shipped() : Ruleset.fromDirectory(rulesDir);
            List<RuleCases.Case> read;
            try (Reader in = Files.newBufferedReader(cases, StandardCharsets.UTF_8)) {
                read = RuleCases.read(in, cases.toString());
            }
            List<RuleCases.Outcome> outcomes = RuleCases.run(new RuleEvaluator(ruleset), read);
            long failed = outcomes.stream().filter(o -> !o.passed()).count();
            for (RuleCases.Outcome o : outcomes) {
                if (!o.passed()) {
                    System.out.printf("FAIL line %d: %s%n", o.testCase().line(), o.testCase().name());
                    o.differences().forEach(d -> System.out.println("    " + d));
                }
            }
            System.out.printf("ruleset %s: %d passed, %d failed%n", ruleset.version(), outcomes.size() - failed, failed);
            return failed == 0 ? 0 : 1;
        }
    }
}
