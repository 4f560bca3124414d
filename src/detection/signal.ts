/** One piece of evidence about a page: a plain-words reason and how much it counts for (+) or against (-). */
export interface Signal {
  reason: string;
  weight: number;
}

export function signal(reason: string, weight: number): Signal {
  return { reason, weight };
}
