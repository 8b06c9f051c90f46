/**
 * Request validation usable outside Spring: Bean Validation constraints plus the checks
 * they cannot express, reported as field paths with messages.
 */
package org.greencredit.core.validation;
