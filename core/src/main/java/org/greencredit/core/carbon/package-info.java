/**
 * Carbon accounting: scope 1 from fuels, scope 2 from electricity and heat, scope 3 from
 * spend, each line traceable to its factor and source; plus consistency checks.
 */
package org.greencredit.core.carbon;
