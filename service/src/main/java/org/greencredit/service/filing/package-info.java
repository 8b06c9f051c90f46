/** The algorithm filing (算法备案), generated from the live rules and models. */
package org.greencredit.service.filing;
