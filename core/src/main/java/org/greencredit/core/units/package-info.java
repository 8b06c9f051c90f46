/** A small strict unit type: an incompatible or unknown unit is an error, never a silent guess. */
package org.greencredit.core.units;
