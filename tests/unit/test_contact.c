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

Test(contact, a_reference_number_is_ly_and_the_id_in_six_digits_or_more)
{
	char out[CONTACT_REFERENCE_SIZE];
	contact_reference(123, out);
	cr_assert_str_eq(out, "LY-000123");
	contact_reference(1234567, out);
	cr_assert_str_eq(out, "LY-1234567");
}
