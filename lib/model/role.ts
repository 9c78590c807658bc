/** Who a signed-in person is to the console: the admin changes things, a viewer only reads. */
export type Role = 'admin' | 'viewer';
