/**
 * jcstress tests of the in-memory forms of get-or-create, the same race as the database
 * strategies meet, as Java users meet it: two actors get-or-create the same key; the result is
 * (id seen by actor 1, id seen by actor 2, loader invocations). Actor 1's loader would make id 1,
 * actor 2's id 2, so the ids say whose row each caller ended up with. Outcomes are declared
 * beside each test: the racy forms mark "different ids" and "loader ran twice"
 * ACCEPTABLE_INTERESTING (jcstress shows how often they happened), the safe forms FORBIDDEN
 * (one sighting fails ./mvnw verify).
 */
package io.github.gocbench.stress.jcstress;
