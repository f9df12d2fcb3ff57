Feature: Sources with several accounts
  Sources such as Mobile Push, Facebook and WeChat can have several accounts within one org; a customer
  then has a profile from each account, and a registration through such a source must say which account.

  Background:
    Given an org with these settings:
      | setting                       | value  |
      | CONF_REGISTRATION_PRIMARY_KEY | mobile |

  Rule: A customer can have profiles from several accounts of one source

    # Seed 002: "The number 3 on the Whatsapp icon means that the customer has profiles from three WhatsApp
    # accounts of the org" (ruling 80: WhatsApp is a source with several accounts).
    @seed:002 @req:002-03
    Scenario: Profiles from three WhatsApp accounts of the org
      Given a loyalty customer "Asha" registered through WHATSAPP account "wa-1" with mobile M1
      And "Asha" also registered through WHATSAPP account "wa-2" with mobile M1
      And "Asha" also registered through WHATSAPP account "wa-3" with mobile M1
      Then "Asha" has these source profiles:
        | source   | account |
        | WHATSAPP | wa-1    |
        | WHATSAPP | wa-2    |
        | WHATSAPP | wa-3    |

    @seed:002 @req:002-03
    Scenario: Profiles from three Facebook accounts of the org
      Given a loyalty customer "Asha" registered through FACEBOOK account "fb-1" with mobile M1
      And "Asha" also registered through FACEBOOK account "fb-2" with mobile M1
      And "Asha" also registered through FACEBOOK account "fb-3" with mobile M1
      Then "Asha" has these source profiles:
        | source   | account |
        | FACEBOOK | fb-1    |
        | FACEBOOK | fb-2    |
        | FACEBOOK | fb-3    |

  Rule: A registration through a multi-account source names its account

    # Mobile Push is the API's MPUSH_FCM source. Ruling 25: seed 002 "sources such as Mobile Push, Facebook, and
    # WeChat that can have multiple accounts within the org": a profile of one of several accounts says which.
    @seed:002 @seed:contract @req:002-03 @req:contract-04
    Scenario Outline: A registration through <source> without an account is refused
      When a loyalty registration arrives through <source> with mobile M1
      Then the request is refused with error 8045
      And no customer is found with mobile M1

      Examples:
        | source    |
        | MPUSH_FCM |
        | FACEBOOK  |
        | WECHAT    |
        | WHATSAPP  |
