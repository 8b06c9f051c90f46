/** Loading, validating, versioning and running the Drools rulesets, with every fired rule traced. */
package org.greencredit.rules.engine;
