/** The error a query ends with when its caller went away. */
export class QueryCancelled extends Error {
  constructor() {
    super('The query was cancelled: nobody waits for its result any more.');
    this.name = 'QueryCancelled';
  }
}
