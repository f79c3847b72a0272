// The UXP panel's page as Premiere loads it, with the simulated Premiere in the page: the host
// modules go in first, then the product's own page script runs unchanged.
import "./simulatedUxp.ts";
import "../../src/page/main.tsx";
