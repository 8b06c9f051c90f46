/**
 * Rule changes governed like model changes: a ruleset staged by an administrator is compiled, must pass its own
 * cases.csv, and shows its impact on the latest stored requests before a second administrator activates it; every step
 * is audited, and the approved ruleset is restored on the next start.
 */
package org.greencredit.service.rulesets;
