/* Unit tests for content/contact: the contact form's fields. */
#include <criterion/criterion.h>

#include "content/contact.h"

Test(contact, the_form_fields_are_the_ones_the_brief_names_in_order)
{
	static const char *const contact[] = { "name", "organization", "contact", "subject", "message" };
	for (int i = 0; i < MSG__COUNT; i++)
		cr_assert_str_eq(contact_fields[i].name, contact[i]);
}

Test(contact, name_contact_and_message_are_required_the_rest_optional)
{
	cr_assert(contact_fields[MSG_NAME].required && contact_fields[MSG_CONTACT].required &&
		  contact_fields[MSG_MESSAGE].required);
	cr_assert_not(contact_fields[MSG_ORGANIZATION].required || contact_fields[MSG_SUBJECT].required);
}
