package org.greencredit.cli;

import org.greencredit.datasets.io.GreenCreditJson;

/** What a command prints for tools: one JSON object on a line, written by the engine's one JSON configuration. */
final class JsonOutput {
    private JsonOutput() {
    }

    static void print(Object record) {
        System.out.println(GreenCreditJson.mapper().writeValueAsString(record));
    }
}
