// How the customers a target ended with compare to the true persons of the population.
// Pairwise figures count pairs of profiles: predicted together (same final customer) against truly
// together (same person). Pairs are counted per cluster and per cluster intersection with n(n-1)/2,
// never listed, so memory grows with the number of profiles, not its square.

/** One loaded profile: its true person and the live customer it ended in. */
export interface ProfilePlacement {
  readonly person: number;
  readonly customer: number;
}

export interface TruthComparison {
  readonly persons: {
    /** Every person of the ground truth. */
    readonly total: number;
    /** Persons none of whose profiles ended in a customer (all refused, failed or unresolved). */
    readonly notLoaded: number;
    /** Persons whose loaded profiles all ended in one customer. */
    readonly oneCustomer: number;
    /** ... and that customer holds nobody else: the person was recognised exactly. */
    readonly exact: number;
    /** Persons whose loaded profiles ended in two or more customers. */
    readonly split: number;
  };
  readonly customers: {
    /** Distinct live customers the loaded profiles ended in. */
    readonly total: number;
    /** Customers holding profiles of two or more persons. */
    readonly overMerged: number;
  };
  readonly pairs: {
    /** Profile pairs in the same customer. */
    readonly predicted: number;
    /** Profile pairs of the same person (loaded profiles only). */
    readonly true: number;
    /** Pairs both predicted and true. */
    readonly correct: number;
    /** correct / predicted; null when no pair was predicted. */
    readonly precision: number | null;
    /** correct / true; null when no person has two loaded profiles. */
    readonly recall: number | null;
  };
}

const pairsOf = (n: number) => (n * (n - 1)) / 2;

function increment<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export function compareWithTruth(placements: Iterable<ProfilePlacement>, personCount: number): TruthComparison {
  const perCustomer = new Map<number, number>();
  const perPerson = new Map<number, number>();
  // customer -> person -> profiles: the intersections of the two clusterings.
  const intersections = new Map<number, Map<number, number>>();
  for (const { person, customer } of placements) {
    increment(perCustomer, customer);
    increment(perPerson, person);
    let persons = intersections.get(customer);
    if (!persons) intersections.set(customer, (persons = new Map()));
    increment(persons, person);
  }
  const customersOfPerson = new Map<number, number[]>();
  let overMerged = 0;
  let correct = 0;
  for (const [customer, persons] of intersections) {
    if (persons.size > 1) overMerged += 1;
    for (const [person, count] of persons) {
      correct += pairsOf(count);
      let list = customersOfPerson.get(person);
      if (!list) customersOfPerson.set(person, (list = []));
      list.push(customer);
    }
  }
  let oneCustomer = 0;
  let exact = 0;
  for (const customers of customersOfPerson.values()) {
    if (customers.length !== 1) continue;
    oneCustomer += 1;
    if (intersections.get(customers[0])!.size === 1) exact += 1;
  }
  let predicted = 0;
  for (const n of perCustomer.values()) predicted += pairsOf(n);
  let truePairs = 0;
  for (const n of perPerson.values()) truePairs += pairsOf(n);
  return {
    persons: {
      total: personCount,
      notLoaded: personCount - perPerson.size,
      oneCustomer,
      exact,
      split: perPerson.size - oneCustomer,
    },
    customers: { total: perCustomer.size, overMerged },
    pairs: {
      predicted,
      true: truePairs,
      correct,
      precision: predicted === 0 ? null : correct / predicted,
      recall: truePairs === 0 ? null : correct / truePairs,
    },
  };
}
