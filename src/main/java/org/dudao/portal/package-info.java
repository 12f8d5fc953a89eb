/**
 * 门户 / Portal: the home page each user lands on after login — their own unit, its contacts and place
 * in the tree, their roles, the newest campaigns they take part in (with their dashboards), and for an
 * office the data notes of the units in its jurisdiction. Reads other modules' APIs; nothing depends on
 * it.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "shared :: *", "organization", "identity", "campaign"})
package org.dudao.portal;
