/**
 * What a rating is written out as: the full rating, or the decision profile a loan pipeline acts on,
 * which carries a hash of the full rating so that it can be re-derived and checked later.
 */
package org.greencredit.engine.output;
