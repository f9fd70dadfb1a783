/* no includes at all */
int lib(void);
