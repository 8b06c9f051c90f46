/**
 * The bank's own credit models beside the shipped ones: a registry directory of model directories as {@code model train}
 * writes them, one file naming the champion (which decides, in points), the thin-file scorecard and the challenger (which
 * scores in shadow), and the checks that a model can run in the engine before it is made active.
 */
package org.greencredit.models.registry;
