package org.greencredit.service.models;

/**
 * The models an administrator proposes to make active, by registry directory name, and why.
 *
 * @param thinFile   the thin-file scorecard; null keeps the active one
 * @param challenger the challenger scored in shadow; null or empty for none
 */
public record ModelChangeRequest(String champion, String thinFile, String challenger, String reason) {
}
