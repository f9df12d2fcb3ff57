Feature: Card-number series settings an org cannot use
  Seed 001 "External ID configuration" bounds a series: at most 50 characters in all, a suffix only with
  AUTO_INC, and mandatory settings when generation is on. A series that could not issue a single number is
  refused when the org is set up, with a code naming the problem, rather than failing at the first customer.

  # Org setup is the contract's test-control extension; a target without it cannot run these scenarios.
  Rule: A card-number series that cannot issue numbers is refused at org setup

    # Ruling 32: seed 001 says the suffix "is only applicable for AUTO_INC alogrithm" and "Suffix is not
    # applicable for MOD7 and LUHN_ALGO (MOD10) algorithms"; the check digit is "added as the last digit", so a
    # suffix after it cannot be honoured and the series is refused rather than issuing other numbers.
    @seed:000 @seed:001 @req:001-24 @req:000-63 @req:001-25 @req:000-64 @req:001-28 @req:000-67 @req:001-29 @req:000-68 @req:001-37 @req:000-57 @seed:contract @req:contract-63
    Scenario Outline: <problem> is refused with <code>
      When an org is requested with these settings:
        | setting                       | value       |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO | <algorithm> |
        | CONF_CARD_NUMBER_LENGTH       | <length>    |
        | CONF_CARD_NUMBER_PREFIX       | <prefix>    |
        | CONF_CARD_NUMBER_SUFFIX       | <suffix>    |
        | CONF_CARD_NUMBER_OFFSET       | <offset>    |
      Then the request is refused with error <code>
      And the error message mentions "<mentions>"

      Examples:
        | problem                                    | algorithm | length | prefix                         | suffix               | offset | code | mentions                |
        | A length of 0                              | LUHN_ALGO | 0      | 4111                           |                      | 0      | 8260 | CONF_CARD_NUMBER_LENGTH |
        | A length of 51                             | AUTO_INC  | 51     | 4111                           |                      | 0      | 8260 | CONF_CARD_NUMBER_LENGTH |
        | Prefix + suffix + sequence over 50         | AUTO_INC  | 50     | 123456789012345678901234567890 | 12345678901234567890 | 0      | 8261 | 50                      |
        | A prefix that fills the length             | LUHN_ALGO | 5      | 41111                          |                      | 0      | 8261 | no digit                |
        | A suffix with LUHN_ALGO                    | LUHN_ALGO | 16     | 4111                           | 01                   | 0      | 8262 | LUHN_ALGO               |
        | A suffix with MOD7_ALGO                    | MOD7_ALGO | 16     | 4111                           | 01                   | 0      | 8262 | MOD7_ALGO               |
        | An offset past the sequence space          | AUTO_INC  | 6      | 1234                           |                      | 100    | 8263 | exhausted               |

    @seed:000 @seed:001 @req:001-21 @req:000-60 @req:001-23 @req:000-62 @seed:contract @req:contract-63
    Scenario: Generation without its mandatory settings is refused
      When an org is requested with these settings:
        | setting                             | value      |
        | CONF_CARD_NUMBER_GENERATION_ENABLED | 1          |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED  | "INSTORE:" |
        | CONF_CARD_NUMBER_LENGTH             | 12         |
      Then the request is refused with error 8265
      And the error message mentions "CONF_CARD_CHECKSUM_DIGIT_ALGO"

    # Ruling 34: a check digit covers digits only, so PREFIX needs a prefix of digits; an alphanumeric prefix
    # (seed 000: "For example, BRAND20") is fine when the checksum leaves it out (NONE).
    @seed:000 @seed:001 @req:001-30 @req:000-69 @req:001-36 @req:000-56 @seed:contract @req:contract-63
    Scenario: A letter prefix cannot be part of the checksum
      When an org is requested with these settings:
        | setting                                   | value     |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO             | LUHN_ALGO |
        | CONF_CARD_NUMBER_LENGTH                   | 16        |
        | CONF_CARD_NUMBER_PREFIX                   | BRAND20   |
        | CONF_VALUES_TO_INCLUDE_FOR_CHECKSUM_DIGIT | PREFIX    |
      Then the request is refused with error 8264
      And the error message mentions "BRAND20"

    # Ruling 34: with no prefix there is nothing but digits for the checksum to cover, so PREFIX is fine.
    @seed:000 @seed:001 @req:001-30 @req:000-69 @seed:contract @req:contract-63
    Scenario: A checksum that would cover the prefix sets up an org without a prefix
      When an org is requested with these settings:
        | setting                                   | value     |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO             | LUHN_ALGO |
        | CONF_CARD_NUMBER_LENGTH                   | 16        |
        | CONF_VALUES_TO_INCLUDE_FOR_CHECKSUM_DIGIT | PREFIX    |
      Then the request succeeds

    @seed:000 @seed:001 @req:001-36 @req:000-56 @seed:contract @req:contract-63
    Scenario: An alphanumeric prefix outside the checksum sets up an org
      When an org is requested with these settings:
        | setting                                   | value     |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO             | LUHN_ALGO |
        | CONF_CARD_NUMBER_LENGTH                   | 16        |
        | CONF_CARD_NUMBER_PREFIX                   | BRAND20   |
        | CONF_VALUES_TO_INCLUDE_FOR_CHECKSUM_DIGIT | NONE      |
      Then the request succeeds

    # Ruling 33: seed 001 gives CONF_CARD_NUMBER_OFFSET "Any integer value", so a negative offset sets up an
    # org (see generated_external_ids.feature); a value that is not an integer is refused.
    @seed:000 @seed:001 @req:001-22 @req:000-61 @req:001-23 @req:000-62 @req:001-27 @req:000-66 @seed:contract @req:contract-63
    Scenario Outline: <setting> set to <value> is refused with 8207
      When an org is requested with these settings:
        | setting   | value   |
        | <setting> | <value> |
      Then the request is refused with error 8207
      And the error message mentions "<setting>"

      Examples:
        | setting                            | value      |
        | CONF_CARD_CHECKSUM_DIGIT_ALGO      | MOD11_ALGO |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED | web_engage |
        | SOURCE_ACCOUNTS_EXTERNALID_ENABLED | INSTORE:42 |
        | CONF_CARD_NUMBER_OFFSET            | 2.5        |
        | CONF_CARD_NUMBER_OFFSET            | ten        |
