/** The published cards of the shipped models, found by version. */
package org.greencredit.models.cards;
