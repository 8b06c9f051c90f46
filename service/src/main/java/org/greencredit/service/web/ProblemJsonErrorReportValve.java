package org.greencredit.service.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.greencredit.datasets.io.GreenCreditJson;

/**
 * Errors Tomcat answers itself, before any servlet runs (an encoded slash in the path, headers too
 * large, a malformed request line), as {@code application/problem+json} like every other error of
 * the API, instead of Tomcat's HTML page. Installed as the host's error report valve.
 */
public class ProblemJsonErrorReportValve extends ErrorReportValve {
    /** RFC 9457's members, as every other error of the API has them. */
    record Problem(String type, String title, int status, String detail) {
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(GreenCreditJson.mapper().writeValueAsString(new Problem("about:blank",
                        status >= 500 ? "Server error" : "Request refused", status,
                        "the server refused the request before reading it (status " + status + ")")));
                writer.flush();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was committed meanwhile: nothing more can be said.
        }
    }
}
