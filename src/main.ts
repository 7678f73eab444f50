// Composition root: placeholder until the adapter shell lands.
export {};
