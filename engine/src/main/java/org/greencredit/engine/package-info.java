/** The rating engine: composes accounting, rules, models and policy into one explained rating. No Spring. */
package org.greencredit.engine;
