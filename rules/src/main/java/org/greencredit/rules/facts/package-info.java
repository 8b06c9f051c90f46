/** The facts the rules read and the accumulators they write, as JavaBeans for Drools. */
package org.greencredit.rules.facts;
