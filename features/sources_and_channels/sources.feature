Feature: Supported customer data sources
  A source is the system a customer's information comes from. Customers can be registered through each
  of the documented sources; anything else is refused.

  Background:
    Given an org with these settings:
      | setting                       | value  |
      | CONF_REGISTRATION_PRIMARY_KEY | mobile |

  Rule: The entity supports the documented data sources

    # The "source code" column is the name the API uses for the seed's source. Sources with several
    # accounts in one org (seed 002) are registered with an account.
    @seed:000 @req:000-04
    Scenario Outline: Registering a customer through <Source>
      When a loyalty registration arrives through <source code> account "<account>" with mobile M1
      Then the request succeeds
      And the request created a new customer "Asha"
      And "Asha" has these source profiles:
        | source        | account   |
        | <source code> | <account> |

      Examples:
        | Source         | source code    | account |
        | Facebook       | FACEBOOK       | fb-1    |
        | Web_engage     | WEB_ENGAGE     | we-1    |
        | WeChat         | WECHAT         | wc-1    |
        | Instore        | INSTORE        |         |
        | E-Commerce     | ECOMMERCE      |         |
        | Website        | WEBSITE        |         |
        | Line           | LINE           | line-1  |
        | Mobile-APp     | MOBILE_APP     | app-1   |
        | Linkedin       | LINKEDIN       |         |
        | Mpush-FCM      | MPUSH_FCM      | fcm-1   |
        | Mapp_SDK       | MAPP_SDK       |         |
        | OAuth_External | OAUTH_EXTERNAL |         |

    # The API's source enum adds these to seed 000's list.
    @seed:contract @req:contract-04
    Scenario Outline: Registering a customer through the API's source <source code>
      When a loyalty registration arrives through <source code> with mobile M1
      Then the request succeeds
      And the request created a new customer "Asha"
      And "Asha" has these source profiles:
        | source        | account |
        | <source code> |         |

      Examples:
        | source code |
        | MARTJACK    |
        | TMALL       |
        | TAOBAO      |
        | JD          |

    @seed:000 @seed:contract @req:000-04 @req:contract-04
    Scenario: A source that is not supported is refused
      When a loyalty registration arrives through CARRIER_PIGEON with mobile M1
      Then the request is refused with error 3217
      And no customer is found with mobile M1

  Rule: Member Care shows the sources seed 002 names, TMALL and WhatsApp among them

    # Seed 002 "Source profiles": "Capillary supports different sources such as InStore, Facebook, Webengage,
    # WeChat (China-specific), mobile app websites, Line, TMALL, E-commerce sites, WhatsApp, and more."
    # Ruling 80: WhatsApp is a source with several accounts per org (seed 002: "profiles from three WhatsApp
    # accounts of the org"), though the documented source enum does not list it.
    @seed:002 @req:002-01
    Scenario Outline: A customer registered through <Source> shows that source profile
      Given a loyalty customer "Asha" registered through INSTORE with mobile M1
      When a loyalty registration arrives through <source code> account "<account>" with mobile M1
      Then the request succeeds
      And the request's customer is "Asha"
      And "Asha" has these source profiles:
        | source        | account   |
        | INSTORE       |           |
        | <source code> | <account> |

      Examples:
        | Source         | source code | account |
        | Facebook       | FACEBOOK    | fb-1    |
        | Webengage      | WEB_ENGAGE  | we-1    |
        | WeChat         | WECHAT      | wc-1    |
        | mobile app     | MOBILE_APP  | app-1   |
        | websites       | WEBSITE     |         |
        | Line           | LINE        | line-1  |
        | TMALL          | TMALL       |         |
        | E-commerce     | ECOMMERCE   |         |
        | WhatsApp       | WHATSAPP    | wa-1    |
