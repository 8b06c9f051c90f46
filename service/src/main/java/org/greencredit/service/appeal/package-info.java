/** Appeals: SMEs contest ratings, officers correct and re-rate or reject; the original rating stays. */
package org.greencredit.service.appeal;
